package dev.tia.engine.config;

import java.util.regex.Pattern;

/**
 * A glob over repository-relative paths with {@code /} separators: {@code *} and {@code ?} stay within one
 * segment, {@code **} spans segments. A glob without a slash matches a file name in any folder, as in
 * {@code .gitignore}: {@code *.md} matches {@code docs/a/readme.md}.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    public static PathGlob of(String glob) {
        String trimmed = glob.trim();
        if (trimmed.isEmpty()) {
            throw new TiaConfigException("an empty path glob matches nothing; remove it");
        }
        String effective = trimmed.startsWith("/") ? trimmed.substring(1)
                : trimmed.contains("/") ? trimmed : "**/" + trimmed;
        if (effective.endsWith("/")) {
            effective = effective + "**";
        }
        return new PathGlob(trimmed, Pattern.compile(toRegex(effective)));
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    regex.append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 2 : 1;
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
