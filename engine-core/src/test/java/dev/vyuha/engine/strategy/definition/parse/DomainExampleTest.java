package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.market.ExpirySelector;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.DteFilter;
import dev.vyuha.engine.strategy.definition.ExecutionMode;
import dev.vyuha.engine.strategy.definition.Strategy;
import dev.vyuha.engine.strategy.definition.StrategyType;
import dev.vyuha.engine.strategy.definition.risk.LegExitLevel;
import dev.vyuha.engine.strategy.definition.risk.LegExitType;
import dev.vyuha.engine.strategy.definition.risk.ProfitProtection;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.ReEntryType;
import dev.vyuha.reference.calendar.DteUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example of ../shared/DOMAIN.md §12, verbatim.
 */
class DomainExampleTest
{
    static final String DOMAIN_EXAMPLE = """
        {
          "name": "BankNifty expiry-week short straddle",
          "broker_account": "ZERODHA-AB1234",
          "initial_capital": 500000, "deployable_percentage": 80, "execution_mode": "PAPER",
          "max_daily_loss": 15000,
          "strategies": [{
            "name": "ATM straddle 09:30", "underlying": "BANKNIFTY", "type": "STRADDLE",
            "schedule": { "entry_time": "09:30", "exit_time": "15:15", "weekdays": ["MON","TUE","WED","THU","FRI"],
                          "dte": { "min": 0, "max": 4, "unit": "TRADING_DAYS" } },
            "legs": [
              { "option_type": "CE", "side": "SELL", "lots": 1, "expiry": "MONTHLY",
                "strike": { "method": "ATM", "offset": 0 },
                "stop_loss": { "type": "PERCENT", "value": 30 },
                "re_entry_on_sl": { "type": "RE_COST", "max_count": 2 } },
              { "option_type": "PE", "side": "SELL", "lots": 1, "expiry": "MONTHLY",
                "strike": { "method": "ATM", "offset": 0 },
                "stop_loss": { "type": "PERCENT", "value": 30 },
                "re_entry_on_sl": { "type": "RE_COST", "max_count": 2 } }
            ],
            "risk": { "mtm_stop_loss": 6000, "mtm_target": 9000,
                      "lock_and_trail": { "lock_at": 4000, "lock": 1500, "every": 1000, "raise_by": 500 } }
          }]
        }
        """;

    @Test
    void shouldAcceptTheDomainExampleWarningOnlyAboutReEntriesWithoutCutOff()
    {
        final BasketValidation validation = BasketReader.read(DOMAIN_EXAMPLE, DocumentFormat.JSON);

        assertEquals(List.of(), validation.errors());
        assertEquals(List.of(
            "strategies[0].legs[0].re_entry_on_sl: re-entry without a cut-off: set no_re_entry_after here or in the "
                + "schedule, or re-entries may happen until exit_time 15:15",
            "strategies[0].legs[1].re_entry_on_sl: re-entry without a cut-off: set no_re_entry_after here or in the "
                + "schedule, or re-entries may happen until exit_time 15:15"),
            validation.warnings().stream().map(Issue::toString).collect(Collectors.toList()));
    }

    @Test
    void shouldConvertTheDomainExampleToPaiseAndBasisPoints()
    {
        final Basket basket = BasketReader.read(DOMAIN_EXAMPLE, DocumentFormat.JSON).basket().orElseThrow();
        final Strategy strategy = basket.strategies().get(0);

        assertEquals(50_000_000L, basket.initialCapitalPaise());
        assertEquals(8_000L, basket.deployableBasisPoints());
        assertEquals(40_000_000L, basket.deployableCapitalPaise());
        assertEquals(ExecutionMode.PAPER, basket.executionMode());
        assertEquals(OptionalLong.of(1_500_000L), basket.limits().maxDailyLossPaise());
        assertEquals("ZERODHA-AB1234", basket.brokerAccounts().get(0).account());
        assertEquals(Underlying.BANKNIFTY, strategy.underlying());
        assertEquals(StrategyType.STRADDLE, strategy.type());
        assertEquals(Optional.of(new DteFilter(0, 4, DteUnit.TRADING_DAYS)), strategy.schedule().dte());
        assertEquals(ExpirySelector.MONTHLY, strategy.legs().get(1).expiry());
        assertEquals(Optional.of(new LegExitLevel(LegExitType.PERCENT, 3_000)), strategy.legs().get(1).stopLoss());
        assertEquals(Optional.of(new ReEntry(ReEntryType.RE_COST, 2, Optional.empty())),
            strategy.legs().get(0).reEntryOnStopLoss());
        assertEquals(OptionalLong.of(600_000L), strategy.risk().mtmStopLossPaise());
        assertEquals(OptionalLong.of(900_000L), strategy.risk().mtmTargetPaise());
        assertEquals(Optional.of(new ProfitProtection.LockAndTrail(400_000, 150_000, 100_000, 50_000)),
            strategy.risk().profitProtection());
    }

    @Test
    void shouldReadTheSameModelFromJsonAndYaml() throws IOException
    {
        final String yaml = new YAMLMapper().writeValueAsString(new ObjectMapper().readTree(DOMAIN_EXAMPLE));

        final BasketValidation fromYaml = BasketReader.read(yaml, DocumentFormat.YAML);

        assertEquals(List.of(), fromYaml.errors());
        assertEquals(BasketReader.read(DOMAIN_EXAMPLE, DocumentFormat.JSON).basket(), fromYaml.basket());
    }
}
