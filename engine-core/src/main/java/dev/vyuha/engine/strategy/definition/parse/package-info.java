/**
 * Reading basket documents (JSON or YAML) into the immutable definition model, with every problem reported at once
 * as a path-qualified {@link dev.vyuha.engine.strategy.definition.parse.Issue}
 * ({@code strategies[0].legs[1].stop_loss.value: must be > 0, was -5}), and the JSON Schema of the format.
 *
 * <p>One declarative specification of every object and field drives both the reader and the schema
 * ({@link dev.vyuha.engine.strategy.definition.parse.BasketSchema}), so the two cannot drift. This is the only
 * package of engine-core that uses Jackson; none of its types appear in the public API.
 */
package dev.vyuha.engine.strategy.definition.parse;
