package dev.vyuha.gateway.kite;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderPricingTest
{
    @ParameterizedTest(name = "{0} paise, tick {1}, buy={2} -> {3}")
    @CsvSource({
        "12347, 5, true, 12345",
        "12347, 5, false, 12350",
        "12345, 5, true, 12345",
        "12345, 5, false, 12345",
        "3, 5, true, 5",
        "2_00, 5, false, 200"})
    void shouldRoundLimitPricesToTheTickInTheProtectiveDirection(
        final String price, final long tick, final boolean buy, final long expected)
    {
        assertEquals(expected, OrderPricing.protectiveLimit(Long.parseLong(price.replace("_", "")), tick, buy));
    }

    @ParameterizedTest(name = "ref {0}, {1} bps, tick {2}, buy={3} -> {4}")
    @CsvSource({
        "10000, 100, 5, true, 10100",
        "10000, 100, 5, false, 9900",
        "10003, 100, 5, true, 10100",
        "10003, 100, 5, false, 9905",
        "10000, 1, 5, true, 10000",
        "10003, 1, 5, true, 10005",
        "10003, 1, 5, false, 10000",
        "10000, 0, 5, false, 10000",
        "7, 5000, 5, false, 5"})
    void shouldPriceAMarketableLimitAroundTheReference(
        final long reference, final double bps, final long tick, final boolean buy, final long expected)
    {
        assertEquals(expected, OrderPricing.marketableLimit(reference, bps, tick, buy));
    }

    @ParameterizedTest
    @CsvSource({"10002, 5, 10000", "10003, 5, 10005", "1, 5, 5"})
    void shouldRoundTriggersToTheNearestTick(final long price, final long tick, final long expected)
    {
        assertEquals(expected, OrderPricing.nearestTick(price, tick));
    }
}
