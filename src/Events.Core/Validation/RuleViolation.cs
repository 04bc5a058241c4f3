namespace Events.Core.Validation;

/// <summary>
/// A broken rule on one field. <see cref="Code"/> is a stable key the UI turns into a message
/// in the user's language; the core never holds display text.
/// </summary>
public sealed record RuleViolation(string Field, string Code);
