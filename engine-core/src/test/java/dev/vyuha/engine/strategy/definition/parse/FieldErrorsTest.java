package dev.vyuha.engine.strategy.definition.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.vyuha.engine.strategy.definition.parse.BaseDocument.REMOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One mistake in an otherwise valid document gives exactly one error, naming the path and the offending value.
 */
class FieldErrorsTest
{
    private static final String LEG0 = "/strategies/0/legs/0";
    private static final String LEG1 = "/strategies/0/legs/1";
    private static final String STRATEGY = "/strategies/0";

    static Stream<Arguments> mistakes()
    {
        return Stream.of(
            arguments(LEG1 + "/stop_loss/value", "-5", "strategies[0].legs[1].stop_loss.value: must be > 0, was -5"),
            arguments(LEG1 + "/stop_loss/value", "0", "strategies[0].legs[1].stop_loss.value: must be > 0, was 0"),
            arguments(LEG1 + "/stop_loss/value", "10.555",
                "strategies[0].legs[1].stop_loss.value: must have at most 2 decimal places (points or percent), "
                    + "was 10.555"),
            arguments(LEG1 + "/stop_loss/type", "\"PERCENTAGE\"", "strategies[0].legs[1].stop_loss.type: must be "
                + "one of POINTS, PERCENT, PREMIUM, UNDERLYING_POINTS, UNDERLYING_PERCENT, was \"PERCENTAGE\""),
            arguments(LEG0 + "/stop_loss", "{\"type\": \"UNDERLYING_PERCENT\", \"value\": 25}",
                "strategies[0].legs[0].stop_loss.value: must be <= 20 for UNDERLYING_PERCENT, was 25"),
            arguments("/initial_capital", "100.001",
                "initial_capital: must have at most 2 decimal places (INR), was 100.001"),
            arguments("/initial_capital", "\"500000\"", "initial_capital: must be a number (INR), was \"500000\""),
            arguments("/initial_capital", "0", "initial_capital: must be > 0, was 0"),
            arguments("/initial_capital", "1e12", "initial_capital: must be <= 100000000000, was 1000000000000"),
            arguments("/deployable_percentage", "101", "deployable_percentage: must be <= 100, was 101"),
            arguments("/deployable_percentage", "12.345",
                "deployable_percentage: must have at most 2 decimal places (percent), was 12.345"),
            arguments("/execution_mode", "\"REAL\"", "execution_mode: must be one of LIVE, PAPER, BACKTEST, was "
                + "\"REAL\""),
            arguments("/name", "\"\"", "name: must not be empty"),
            arguments("/name", "null", "name: must be a string, was null"),
            arguments("/name", "\" padded\"", "name: must be one line without leading or trailing spaces, was "
                + "\" padded\""),
            arguments("/version", "0", "version: must be >= 1, was 0"),
            arguments("/strategies", "[]", "strategies: must not be empty, was 0 items"),
            arguments("/strategies", "{}", "strategies: must be an array, was an object"),
            arguments("/subscription", "{\"multiplier\": 2}", "subscription.template_id: is required"),
            arguments("/order_rate_limit", "{\"per_second\": 10, \"per_minute\": 5, \"per_day\": 100}",
                "order_rate_limit.per_minute: must be >= per_second 10, was 5"),
            arguments(LEG0 + "/lots", "0", "strategies[0].legs[0].lots: must be >= 1, was 0"),
            arguments(LEG0 + "/lots", "1.5", "strategies[0].legs[0].lots: must be an integer, was 1.5"),
            arguments(LEG0 + "/lots", "5001", "strategies[0].legs[0].lots: must be <= 5000, was 5001"),
            arguments(LEG0 + "/lots", "true", "strategies[0].legs[0].lots: must be an integer, was true"),
            arguments(LEG0 + "/side", "\"sell\"", "strategies[0].legs[0].side: must be one of BUY, SELL, was "
                + "\"sell\""),
            arguments(LEG0 + "/side", REMOVE, "strategies[0].legs[0].side: is required"),
            arguments(LEG0 + "/stop_los", "{}", "strategies[0].legs[0].stop_los: unknown field (did you mean "
                + "stop_loss?)"),
            arguments(LEG0 + "/expiry", "\"OFFSET\"", "strategies[0].legs[0].expiry: must be one of WEEKLY, "
                + "NEXT_WEEKLY, MONTHLY, NEXT_MONTHLY, was \"OFFSET\""),
            arguments(LEG0 + "/expiry_offset", "1", "strategies[0].legs[0]: only one of expiry, expiry_offset may "
                + "be set, found expiry, expiry_offset"),
            arguments(LEG0 + "/expiry", REMOVE, "strategies[0].legs[0]: one of expiry, expiry_offset is required"),
            arguments(LEG0 + "/tags", "[\"a\", \"a\"]", "strategies[0].legs[0].tags[1]: duplicate of "
                + "strategies[0].legs[0].tags[0], was \"a\""),
            arguments(LEG0 + "/is_hedge", "true", "strategies[0].legs[0].side: a hedge leg (is_hedge) must be BUY, "
                + "was SELL"),
            arguments(LEG0 + "/is_hedge", "\"yes\"", "strategies[0].legs[0].is_hedge: must be true or false, was "
                + "\"yes\""),
            arguments(LEG0 + "/re_entry_on_sl", "{\"type\": \"RE_COST\", \"max_count\": 21}",
                "strategies[0].legs[0].re_entry_on_sl.max_count: must be <= 20, was 21"),
            arguments(LEG0 + "/re_entry_on_sl", "{\"type\": \"RE_COST\", \"max_count\": 0}",
                "strategies[0].legs[0].re_entry_on_sl.max_count: must be >= 1, was 0"),
            arguments(LEG0 + "/strike", "{\"method\": \"DELTA\", \"target\": 1}",
                "strategies[0].legs[0].strike.target: must be < 1, was 1"),
            arguments(LEG0 + "/strike", "{\"method\": \"DELTA\", \"target\": 0.3, \"min\": 0.1, \"max\": 0.2}",
                "strategies[0].legs[0].strike: only one of target, min may be set, found target, min"),
            arguments(LEG0 + "/strike", "{\"method\": \"DELTA\", \"min\": 0.3, \"max\": 0.2}",
                "strategies[0].legs[0].strike.max: must be > min 0.3, was 0.2"),
            arguments(LEG0 + "/strike", "{\"method\": \"DELTA\", \"min\": 0.3}",
                "strategies[0].legs[0].strike.max: is required when min is set"),
            arguments(LEG0 + "/strike", "{\"method\": \"OTM\"}",
                "strategies[0].legs[0].strike: one of steps, points, percent is required"),
            arguments(LEG0 + "/strike", "{\"method\": \"ITM\", \"steps\": 0}",
                "strategies[0].legs[0].strike.steps: must be >= 1, was 0"),
            arguments(LEG0 + "/strike", "{\"method\": \"ATM\", \"offset\": 51}",
                "strategies[0].legs[0].strike.offset: must be <= 50, was 51"),
            arguments(LEG0 + "/strike", "{\"method\": \"ATM_PERCENT\", \"percent\": -50.5}",
                "strategies[0].legs[0].strike.percent: must be >= -50, was -50.5"),
            arguments(LEG0 + "/strike", "{\"method\": \"CLOSEST_PREMIUM\", \"premium\": 0}",
                "strategies[0].legs[0].strike.premium: must be > 0, was 0"),
            arguments(LEG0 + "/strike", "{\"method\": \"PREMIUM_GTE\", \"premium\": 50, \"price_source\": \"BID\"}",
                "strategies[0].legs[0].strike.price_source: must be one of LTP, MID, was \"BID\""),
            arguments(LEG0 + "/strike", "{\"method\": \"PREMIUM_RANGE\", \"min\": 50, \"max\": 50, \"fallback\": "
                + "{\"method\": \"ATM\"}}", "strategies[0].legs[0].strike.max: must be > min 50, was 50"),
            arguments(LEG0 + "/strike", "{\"method\": \"PREMIUM_RANGE\", \"min\": 10, \"max\": 50, \"fallback\": "
                + "{\"method\": \"PREMIUM_RANGE\", \"min\": 1, \"max\": 2}}",
                "strategies[0].legs[0].strike.fallback.method: must be one of ATM, OTM, ITM, ATM_PERCENT, "
                    + "SPOT_PERCENT, CLOSEST_PREMIUM, PREMIUM_GTE, PREMIUM_LTE, STRADDLE_WIDTH, "
                    + "STRADDLE_PREMIUM_PERCENT, DELTA, ABSOLUTE, was \"PREMIUM_RANGE\" (a fallback cannot itself "
                    + "be PREMIUM_RANGE or DYNAMIC)"),
            arguments(LEG0 + "/strike", "{\"method\": \"STRADDLE_WIDTH\", \"multiplier\": 0}",
                "strategies[0].legs[0].strike.multiplier: must be > 0, was 0"),
            arguments(LEG0 + "/strike", "{\"method\": \"DYNAMIC\", \"base\": {\"method\": \"DYNAMIC\"}, \"rules\": "
                + "[{\"priority\": 1, \"when\": {\"type\": \"VIX\", \"min\": 18}, \"shift_strikes\": 1}]}",
                "strategies[0].legs[0].strike.base.method: must be one of ATM, OTM, ITM, ATM_PERCENT, SPOT_PERCENT, "
                    + "CLOSEST_PREMIUM, PREMIUM_GTE, PREMIUM_LTE, PREMIUM_RANGE, STRADDLE_WIDTH, "
                    + "STRADDLE_PREMIUM_PERCENT, DELTA, ABSOLUTE, was \"DYNAMIC\" (a DYNAMIC criterion cannot be "
                    + "the base of another)"),
            arguments(LEG0 + "/strike", "{\"method\": \"DYNAMIC\", \"base\": {\"method\": \"ATM\"}, \"rules\": "
                + "[{\"priority\": 1, \"when\": {\"type\": \"VIX\", \"min\": 18}, \"shift_strikes\": 0}]}",
                "strategies[0].legs[0].strike.rules[0].shift_strikes: must not be 0, was 0"),
            arguments(LEG0 + "/strike", "{\"method\": \"DYNAMIC\", \"base\": {\"method\": \"ATM\"}, \"rules\": "
                + "[{\"priority\": 1, \"when\": {\"type\": \"VIX\", \"min\": 18}, \"shift_strikes\": 1}, "
                + "{\"priority\": 1, \"when\": {\"type\": \"PCR\", \"max\": 0.7}, \"shift_strikes\": -1}]}",
                "strategies[0].legs[0].strike.rules[1].priority: duplicate priority 1, also used by "
                    + "strategies[0].legs[0].strike.rules[0]"),
            arguments(LEG0 + "/strike", "{\"method\": \"DYNAMIC\", \"base\": {\"method\": \"ATM\"}, \"rules\": []}",
                "strategies[0].legs[0].strike.rules: must not be empty, was 0 items"),
            arguments(LEG0 + "/trailing_stop", "{\"unit\": \"POINTS\", \"every\": 5, \"move_by\": 6}",
                "strategies[0].legs[0].trailing_stop.move_by: must be <= every 5 (the stop loss would overtake the "
                    + "price), was 6"),
            arguments(LEG0 + "/trailing_stop", "{\"unit\": \"POINTS\", \"every\": 5, \"move_by\": 5, "
                + "\"lock_profit_at\": 10, \"lock_profit\": 10}",
                "strategies[0].legs[0].trailing_stop.lock_profit: must be < lock_profit_at 10, was 10"),
            arguments(LEG0 + "/trailing_stop", "{\"unit\": \"POINTS\", \"every\": 5, \"move_by\": 5, "
                + "\"lock_profit\": 2}",
                "strategies[0].legs[0].trailing_stop.lock_profit_at: is required when lock_profit is set"),
            arguments(LEG0 + "/wait_and_trade", "{\"move\": \"PERCENT_DOWN\", \"value\": 100}",
                "strategies[0].legs[0].wait_and_trade.value: a PERCENT_DOWN move must be < 100 (a price cannot "
                    + "fall by 100%), was 100"),
            arguments(LEG0 + "/wait_and_trade", "{\"move\": \"PERCENT_UP\", \"value\": 25, "
                + "\"instrument\": \"UNDERLYING\"}",
                "strategies[0].legs[0].wait_and_trade.value: a percent move of the underlying must be <= 20, was 25"),
            arguments(LEG0 + "/wait_and_trade", "{\"move\": \"POINTS_UP\", \"value\": 5, "
                + "\"fallback\": \"EXECUTE_ANYWAY\"}",
                "strategies[0].legs[0].wait_and_trade.timeout_minutes: is required when fallback is set"),
            arguments(STRATEGY + "/underlying", "\"nifty\"", "strategies[0].underlying: must be one of NIFTY, "
                + "BANKNIFTY, FINNIFTY, MIDCPNIFTY, NIFTYNXT50, SENSEX, BANKEX, was \"nifty\""),
            arguments(STRATEGY + "/schedule/entry_time", "\"9:30\"", "strategies[0].schedule.entry_time: must be a "
                + "time HH:mm or HH:mm:ss (IST), was \"9:30\""),
            arguments(STRATEGY + "/schedule/entry_time", "\"24:00\"", "strategies[0].schedule.entry_time: must be a "
                + "time HH:mm or HH:mm:ss (IST), was \"24:00\""),
            arguments(STRATEGY + "/schedule/entry_time", "930", "strategies[0].schedule.entry_time: must be a "
                + "time HH:mm or HH:mm:ss (IST), was 930"),
            arguments(STRATEGY + "/schedule/entry_time", "\"09:00\"", "strategies[0].schedule.entry_time: must be at "
                + "or after market open 09:15, was 09:00"),
            arguments(STRATEGY + "/schedule/entry_time", "\"15:30\"", "strategies[0].schedule.entry_time: must be "
                + "before market close 15:30, was 15:30"),
            arguments(STRATEGY + "/schedule/exit_time", "\"15:45\"", "strategies[0].schedule.exit_time: must be at "
                + "or before market close 15:30, was 15:45"),
            arguments(STRATEGY + "/schedule/exit_time", "\"09:20:30\"", "strategies[0].schedule.exit_time: must be "
                + "after entry_time 09:30, was 09:20:30"),
            arguments(STRATEGY + "/schedule/exit_time", "\"09:30\"", "strategies[0].schedule.exit_time: must be "
                + "after entry_time 09:30, was 09:30"),
            arguments(STRATEGY + "/schedule/no_entry_after", "\"09:29\"", "strategies[0].schedule.no_entry_after: "
                + "must be at or after entry_time 09:30, was 09:29"),
            arguments(STRATEGY + "/schedule/no_entry_after", "\"15:15\"", "strategies[0].schedule.no_entry_after: "
                + "must be before exit_time 15:15, was 15:15"),
            arguments(STRATEGY + "/schedule/no_re_entry_after", "\"09:30\"",
                "strategies[0].schedule.no_re_entry_after: must be after entry_time 09:30, was 09:30"),
            arguments(STRATEGY + "/schedule/no_re_entry_after", "\"15:16\"",
                "strategies[0].schedule.no_re_entry_after: must be at or before exit_time 15:15, was 15:16"),
            arguments(STRATEGY + "/schedule/weekdays", "[\"SAT\"]", "strategies[0].schedule.weekdays[0]: must be "
                + "one of MON, TUE, WED, THU, FRI, was \"SAT\""),
            arguments(STRATEGY + "/schedule/weekdays", "[]", "strategies[0].schedule.weekdays: must not be empty, "
                + "was 0 items"),
            arguments(STRATEGY + "/schedule/dte", "{\"min\": 3, \"max\": 1, \"unit\": \"TRADING_DAYS\"}",
                "strategies[0].schedule.dte.max: must be >= min 3, was 1"),
            arguments(STRATEGY + "/schedule/dte", "{\"min\": 0, \"max\": 1}",
                "strategies[0].schedule.dte.unit: is required"),
            arguments(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"RANGE_BREAKOUT\", \"range_start\": \"09:30\", "
                + "\"range_end\": \"09:15\", \"direction\": \"UP\"}}",
                "strategies[0].entry.trigger.range_end: must be after range_start 09:30, was 09:15"),
            arguments(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"RANGE_BREAKOUT\", \"range_start\": \"09:00\", "
                + "\"range_end\": \"09:30\", \"direction\": \"UP\"}}",
                "strategies[0].entry.trigger.range_start: must be at or after market open 09:15, was 09:00"),
            arguments(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"RANGE_BREAKOUT\", \"range_start\": \"09:15\", "
                + "\"range_end\": \"15:20\", \"direction\": \"UP\"}}",
                "strategies[0].entry.trigger.range_end: must be before exit_time 15:15, was 15:20"),
            arguments(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"SOON\"}}",
                "strategies[0].entry.trigger.type: must be one of IMMEDIATE, RANGE_BREAKOUT, OVERALL_MOMENTUM, was "
                    + "\"SOON\""),
            arguments(STRATEGY + "/entry", "{\"filters\": [{\"type\": \"VIX\", \"min\": 20, \"max\": 10}]}",
                "strategies[0].entry.filters[0].max: must be > min 20, was 10"),
            arguments(STRATEGY + "/entry", "{\"filters\": [{\"type\": \"VIX\"}]}",
                "strategies[0].entry.filters[0]: at least one of min, max is required"),
            arguments(STRATEGY + "/entry", "{\"filters\": [{\"type\": \"EMA_CROSSOVER\", \"fast_period\": 21, "
                + "\"slow_period\": 9, \"candle_minutes\": 5, \"direction\": \"BULLISH\"}]}",
                "strategies[0].entry.filters[0].slow_period: must be > fast_period 21, was 9"),
            arguments(STRATEGY + "/entry", "{\"filters\": [{\"type\": \"RSI\", \"candle_minutes\": 7, \"min\": 30}]}",
                "strategies[0].entry.filters[0].candle_minutes: must be one of 1, 3, 5, 10, 15, 30, 60, was 7"),
            arguments(STRATEGY + "/entry", "{\"filters\": [{\"type\": \"RSI\", \"candle_minutes\": 5, \"min\": 101}]}",
                "strategies[0].entry.filters[0].min: must be <= 100, was 101"),
            arguments(STRATEGY + "/entry", "{\"filters\": [{\"type\": \"PRICE_MOVEMENT\", \"direction\": \"UP\", "
                + "\"percent\": 0.5, \"within_minutes\": 0}]}",
                "strategies[0].entry.filters[0].within_minutes: must be >= 1, was 0"),
            arguments(STRATEGY + "/risk", "{\"trailing_stop\": {\"every\": 1000, \"raise_by\": 500}}",
                "strategies[0].risk.trailing_stop: needs mtm_stop_loss or mtm_stop_loss_percent to trail"),
            arguments(STRATEGY + "/risk", "{\"square_off\": \"COMPLETE\", \"move_sl_to_cost\": \"ALL_LEGS\"}",
                "strategies[0].risk.move_sl_to_cost: needs square_off PARTIAL: with COMPLETE every leg exits at "
                    + "the first stop loss, was ALL_LEGS"),
            arguments(STRATEGY + "/risk", "{\"profit_lock\": {\"lock_at\": 100, \"lock\": 100}}",
                "strategies[0].risk.profit_lock.lock: must be < lock_at 100, was 100"),
            arguments(STRATEGY + "/risk", "{\"lock_and_trail\": {\"lock_at\": 100, \"lock\": 50, \"every\": 10, "
                + "\"raise_by\": 20}}",
                "strategies[0].risk.lock_and_trail.raise_by: must be <= every 10 (it would rise faster than MTM), "
                    + "was 20"),
            arguments(STRATEGY + "/risk", "{\"mtm_stop_loss\": 1000, \"profit_lock\": {\"lock_at\": 100, "
                + "\"lock\": 50}, \"trailing_stop\": {\"every\": 10, \"raise_by\": 5}}",
                "strategies[0].risk: only one of profit_lock, lock_and_trail, trailing_stop may be set, found "
                    + "profit_lock, trailing_stop"),
            arguments(STRATEGY + "/risk", "{\"mtm_stop_loss_percent\": 1001}",
                "strategies[0].risk.mtm_stop_loss_percent: must be <= 1000, was 1001"),
            arguments(STRATEGY + "/execution", "{\"order_type\": {\"type\": \"LIMIT\"}}",
                "strategies[0].execution.order_type.buffer_percent: is required"),
            arguments(STRATEGY + "/execution", "{\"order_type\": {\"type\": \"MARKET\", \"protection_percent\": 0.5}}",
                "strategies[0].execution.order_type.protection_percent: must be >= 1, was 0.5"),
            arguments(STRATEGY + "/execution", "{\"retry\": {\"backoff_millis\": 1000, \"max_backoff_millis\": 500}}",
                "strategies[0].execution.retry.max_backoff_millis: must be >= backoff_millis 1000, was 500"),
            arguments(STRATEGY + "/execution", "{\"retry\": {\"max_retries\": 11}}",
                "strategies[0].execution.retry.max_retries: must be <= 10, was 11"),
            arguments(STRATEGY + "/position_sizing", "{\"type\": \"CAPITAL_BASED\"}",
                "strategies[0].position_sizing: CAPITAL_BASED sizing needs a capital_allocation"),
            arguments(STRATEGY + "/position_sizing", "{\"type\": \"MULTIPLIER\", \"multiplier\": 0}",
                "strategies[0].position_sizing.multiplier: must be >= 1, was 0"),
            arguments(STRATEGY + "/capital_allocation", "{\"type\": \"PERCENT\", \"value\": 101}",
                "strategies[0].capital_allocation.value: must be <= 100, was 101"),
            arguments(STRATEGY + "/capital_allocation", "{\"value\": 10}",
                "strategies[0].capital_allocation.type: is required (one of INR, PERCENT)"),
            arguments(STRATEGY + "/max_positions", "51", "strategies[0].max_positions: must be <= 50, was 51"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void shouldReportExactlyTheOneMistakeWithItsPathAndValue(final String pointer, final String literal,
        final String expected)
    {
        final BasketValidation validation = BaseDocument.create().set(pointer, literal).read();

        assertEquals(List.of(expected), validation.errors().stream().map(Issue::toString)
            .collect(Collectors.toList()));
        assertFalse(validation.basket().isPresent());
    }

    @Test
    void shouldAcceptTheBaseDocumentWithoutIssues()
    {
        final BasketValidation validation = BaseDocument.create().read();

        assertEquals(List.of(), validation.errors());
        assertEquals(List.of(), validation.warnings());
        assertTrue(validation.basket().isPresent());
    }

    @Test
    void shouldReportEveryIndependentMistakeAtOnce()
    {
        final BasketValidation validation = BaseDocument.create()
            .set("/initial_capital", "-1")
            .set("/stratgies", "[]")
            .set(LEG0 + "/lots", "0")
            .set(LEG1 + "/stop_loss/value", "-5")
            .set(STRATEGY + "/schedule/exit_time", "\"16:00\"")
            .set(LEG1 + "/strike/method", "\"ATMX\"")
            .read();

        assertEquals(List.of(
            "stratgies: unknown field (did you mean strategies?)",
            "initial_capital: must be > 0, was -1",
            "strategies[0].schedule.exit_time: must be at or before market close 15:30, was 16:00",
            "strategies[0].legs[0].lots: must be >= 1, was 0",
            "strategies[0].legs[1].strike.method: must be one of ATM, OTM, ITM, ATM_PERCENT, SPOT_PERCENT, "
                + "CLOSEST_PREMIUM, PREMIUM_GTE, PREMIUM_LTE, PREMIUM_RANGE, STRADDLE_WIDTH, STRADDLE_PREMIUM_PERCENT, "
                + "DELTA, ABSOLUTE, DYNAMIC, was \"ATMX\"",
            "strategies[0].legs[1].stop_loss.value: must be > 0, was -5"),
            validation.errors().stream().map(Issue::toString).collect(Collectors.toList()));
    }
}
