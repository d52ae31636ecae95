package dev.tia.engine;

/** Where long work reports how far it got; faces decide whether and how to show it. */
public interface Progress {

    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void update(String what, int done, int total) {
        }

        @Override
        public void finish() {
        }
    };

    /** {@code done} of {@code total} items of {@code what} are finished; may be called from several threads. */
    void update(String what, int done, int total);

    /** The work is over (clear any progress line). */
    void finish();
}
