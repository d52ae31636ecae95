package dev.tia.engine.select;

/**
 * An affected service.
 *
 * @param direct whether a changed file lies in the service's folder (otherwise it is affected through a module
 *     it depends on, or a run-all)
 */
public record ServiceResult(String name, String path, boolean direct, String reason) {
}
