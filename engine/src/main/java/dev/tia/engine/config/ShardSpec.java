package dev.tia.engine.config;

/** "Run shard {@code number} of {@code of}", written {@code 2/4}. */
public record ShardSpec(int number, int of) {

    public ShardSpec {
        if (of < 1 || number < 1 || number > of) {
            throw new TiaConfigException("shard " + number + "/" + of + " does not exist: use i/N with 1 <= i <= N");
        }
    }

    public static ShardSpec parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new ShardSpec(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TiaConfigException("tia.shard must look like 2/4 (shard 2 of 4), not '" + text + "'");
    }

    @Override
    public String toString() {
        return number + "/" + of;
    }
}
