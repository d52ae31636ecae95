package dev.tia.engine.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The optional repository file {@code tia.yaml}: services by folder, globs to ignore, globs that run everything.
 *
 * <pre>
 * services:
 *   - path: services/*          # every folder below services/ is a service named after the folder
 *   - name: web
 *     path: frontend
 * ignore: ["**&#47;*.md", "docs/**"]   # added to the built-in ignore list
 * runAll: ["ci/**"]
 * dockerfileServices: true       # a folder holding a Dockerfile is a service (default true)
 * </pre>
 */
public record RepositoryConfig(
        ImmutableList<ServiceDeclaration> services,
        ImmutableList<PathGlob> ignore,
        ImmutableList<PathGlob> runAll,
        boolean dockerfileServices) {

    /** The file name, at the project root. */
    public static final String FILE_NAME = "tia.yaml";

    /** What applies when there is no {@code tia.yaml}. */
    public static RepositoryConfig empty() {
        return new RepositoryConfig(ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), true);
    }

    /**
     * Parses the YAML text of {@code tia.yaml}.
     *
     * @throws TiaConfigException naming the line and key of the first problem
     */
    public static RepositoryConfig parse(String yaml) {
        if (yaml.isBlank()) {
            return empty();
        }
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        try {
            FileModel model = mapper.readValue(yaml, FileModel.class);
            if (model == null) {
                return empty();
            }
            return model.toConfig();
        } catch (UnrecognizedPropertyException e) {
            // Jackson's location is the value after the key; people look for the key's own line.
            String line = keyLine(yaml, e.getPropertyName()).map(n -> " line " + n).orElse(location(e.getLocation()));
            String valid = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new TiaConfigException(FILE_NAME + line + ": unknown key '" + e.getPropertyName() + "'; valid keys are " + valid);
        } catch (JsonProcessingException e) {
            throw new TiaConfigException(FILE_NAME + location(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    private static Optional<Integer> keyLine(String yaml, String key) {
        Pattern keyPattern = Pattern.compile("^[\\s-]*['\"]?" + Pattern.quote(key) + "['\"]?\\s*:");
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (keyPattern.matcher(lines.get(i)).find()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " line " + location.getLineNr();
    }

    /** The shape of the file, for Jackson only. */
    private static final class FileModel {
        @JsonProperty("services")
        List<ServiceModel> services = List.of();
        @JsonProperty("ignore")
        List<String> ignore = List.of();
        @JsonProperty("runAll")
        List<String> runAll = List.of();
        @JsonProperty("dockerfileServices")
        boolean dockerfileServices = true;

        RepositoryConfig toConfig() {
            ImmutableList.Builder<ServiceDeclaration> declared = ImmutableList.builder();
            for (ServiceModel service : services == null ? List.<ServiceModel>of() : services) {
                if (service == null || service.path == null || service.path.isBlank()) {
                    throw new TiaConfigException(FILE_NAME + ": every entry under 'services' needs a 'path'");
                }
                declared.add(new ServiceDeclaration(Optional.ofNullable(service.name).filter(n -> !n.isBlank()),
                        PathGlob.of(service.path)));
            }
            return new RepositoryConfig(declared.build(), globs(ignore), globs(runAll), dockerfileServices);
        }

        private static ImmutableList<PathGlob> globs(List<String> globs) {
            return globs == null ? ImmutableList.of()
                    : globs.stream().map(PathGlob::of).collect(ImmutableList.toImmutableList());
        }
    }

    private static final class ServiceModel {
        @JsonProperty("name")
        String name;
        @JsonProperty("path")
        String path;
    }
}
