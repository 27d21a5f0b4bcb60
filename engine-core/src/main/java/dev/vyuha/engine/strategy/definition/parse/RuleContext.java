package dev.vyuha.engine.strategy.definition.parse;

/**
 * What a cross-field rule of an object may do: report errors and warnings at paths inside it.
 */
final class RuleContext
{
    private final DocumentPath path;
    private final IssueCollector issues;
    private final int errorsAtStart;

    RuleContext(final DocumentPath path, final IssueCollector issues)
    {
        this.path = path;
        this.issues = issues;
        this.errorsAtStart = issues.errorCount();
    }

    DocumentPath path()
    {
        return path;
    }

    DocumentPath at(final Field<?> field)
    {
        return path.field(field.name());
    }

    void error(final Field<?> field, final String message)
    {
        issues.error(at(field), message);
    }

    void error(final DocumentPath where, final String message)
    {
        issues.error(where, message);
    }

    void warning(final Field<?> field, final String message)
    {
        issues.warning(at(field), message);
    }

    void warning(final DocumentPath where, final String message)
    {
        issues.warning(where, message);
    }

    /**
     * @return true if any error was reported since this context was created.
     */
    boolean failed()
    {
        return issues.errorCount() != errorsAtStart;
    }
}
