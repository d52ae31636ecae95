package dev.tia.engine.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TiaCli.class.getPackage().getImplementationVersion();
        return new String[] {"tia " + (version == null ? "development" : version)};
    }
}
