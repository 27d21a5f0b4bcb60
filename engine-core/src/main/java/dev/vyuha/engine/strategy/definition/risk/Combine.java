package dev.vyuha.engine.strategy.definition.risk;

/**
 * How a strategy's MTM stop-loss rules (and, separately, its MTM target rules) combine when both the INR and the
 * percent form are set.
 */
public enum Combine
{
    /** Exit when any rule is met. */
    ANY,
    /** Exit only when every rule is met. */
    ALL
}
