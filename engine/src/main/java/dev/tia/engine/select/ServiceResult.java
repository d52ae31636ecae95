package dev.tia.engine.select;

import java.util.Optional;

/**
 * An affected service.
 *
 * @param direct whether a changed file lies in the service's folder (otherwise it is affected through a module
 *     it depends on, or a run-all)
 * @param via the folder of the affected module this service depends on or inherits from, when that is why
 */
public record ServiceResult(String name, String path, boolean direct, String reason, Optional<String> via) {
}
