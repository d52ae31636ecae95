package dev.tia.engine.project;

import java.util.ArrayDeque;
import java.util.Deque;

/** Repository-relative paths: {@code /}-separated, no leading slash, {@code ""} for the root. */
public final class RepoPath {

    private RepoPath() {
    }

    /** {@code dir} joined with {@code relative}, with {@code .} and {@code ..} folded. */
    public static String join(String dir, String relative) {
        String combined = dir.isEmpty() ? relative : dir + "/" + relative;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : combined.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** True when {@code relative}, taken from {@code dir}, climbs above the repository root. */
    public static boolean escapes(String dir, String relative) {
        int depth = 0;
        String combined = dir.isEmpty() ? relative : dir + "/" + relative;
        for (String part : combined.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** True when {@code path} is {@code dir} or lies below it. */
    public static boolean isUnder(String path, String dir) {
        return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
    }

    /** The folder holding {@code path}, {@code ""} at the root. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Whether {@code path} lies directly in folder {@code dir}, not below it: {@code parent(path).equals(dir)}, without a substring. */
    public static boolean isDirectlyIn(String path, String dir) {
        if (dir.isEmpty()) {
            return path.indexOf('/') < 0;
        }
        return path.length() > dir.length() + 1 && path.startsWith(dir) && path.charAt(dir.length()) == '/'
                && path.indexOf('/', dir.length() + 1) < 0;
    }

    /** Whether the last segment of {@code path} is {@code name}: {@code fileName(path).equals(name)}, without a substring. */
    public static boolean hasFileName(String path, String name) {
        return path.endsWith(name) && (path.length() == name.length() || path.charAt(path.length() - name.length() - 1) == '/');
    }

    /** The last segment of {@code path}. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
