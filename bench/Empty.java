/** The lower bound of any JVM tool: starting a JVM that does nothing. */
public class Empty {
    public static void main(String[] args) {
    }
}
