package dev.vyuha.engine.readmodel;

/**
 * A basket template published to the marketplace: users subscribe to it with their own account and a multiplier.
 *
 * @param id       the template's id.
 * @param name     its name.
 * @param version  1 when first published, +1 per republication.
 * @param format   JSON or YAML: the document's syntax.
 * @param document the document exactly as published.
 */
public record TemplateSnapshot(String id, String name, long version, String format, String document)
{
}
