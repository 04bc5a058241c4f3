using Events.Core.Validation;

namespace Events.Core.Common;

public enum SaveOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>
/// The result of saving an edited aggregate. On <see cref="SaveOutcome.Conflict"/> nothing was written:
/// someone else saved first, and the caller keeps the user's input on screen.
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, int Id = 0, IReadOnlyList<RuleViolation>? Errors = null)
{
    public IReadOnlyList<RuleViolation> Violations => Errors ?? [];
    public static SaveResult Saved(int id) => new(SaveOutcome.Saved, id);
    public static SaveResult Invalid(IReadOnlyList<RuleViolation> errors) => new(SaveOutcome.Invalid, Errors: errors);
    public static readonly SaveResult Conflict = new(SaveOutcome.Conflict);
    public static readonly SaveResult NotFound = new(SaveOutcome.NotFound);
}
