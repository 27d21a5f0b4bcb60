package dev.vyuha.engine.scenario;

/**
 * Basket documents for scenario tests, written the way users write them. Each builds a one-strategy PAPER basket
 * around the given strategy body; {@code %s}-free text blocks keep them readable.
 */
public final class Baskets
{
    private Baskets()
    {
    }

    /**
     * @param strategyJson one strategy object.
     * @return a PAPER basket holding it.
     */
    public static String basket(final String strategyJson)
    {
        return basket("", strategyJson);
    }

    /**
     * @param basketFields extra basket fields (each followed by a comma), e.g. {@code "max_daily_loss": 5000,}.
     * @param strategiesJson one or more strategy objects separated by commas.
     * @return a PAPER basket holding them.
     */
    public static String basket(final String basketFields, final String strategiesJson)
    {
        return "{ \"name\": \"scenario\", \"initial_capital\": 500000, \"execution_mode\": \"PAPER\", " + basketFields
            + " \"strategies\": [" + strategiesJson + "] }";
    }

    /** A NIFTY weekly short straddle at 09:20, out at 15:15, with the given legs' extra fields and strategy fields. */
    public static String straddle(final String legFields, final String strategyFields)
    {
        return "{ \"id\": \"straddle\", \"name\": \"NIFTY short straddle\", \"underlying\": \"NIFTY\","
            + " \"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, " + strategyFields
            + " \"legs\": [ " + leg("ce", "CE", "SELL", "{ \"method\": \"ATM\" }", legFields) + ", "
            + leg("pe", "PE", "SELL", "{ \"method\": \"ATM\" }", legFields) + " ] }";
    }

    /**
     * @return one weekly leg of one lot.
     */
    public static String leg(final String id, final String type, final String side, final String strike, final String extra)
    {
        return "{ \"id\": \"" + id + "\", \"option_type\": \"" + type + "\", \"side\": \"" + side
            + "\", \"lots\": 1, \"expiry\": \"WEEKLY\", \"strike\": " + strike + (extra.isBlank() ? "" : ", " + extra)
            + " }";
    }
}
