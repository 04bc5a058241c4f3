using Events.Core.Validation;

namespace Events.Core.OnTheDay;

/// <summary>One person as the organizer arranged them; the list's order is the rank.</summary>
public sealed record SeatingGuestInput(string Name, string? Title, string? Group = null, int? PersonId = null, int? RegistrationId = null, int? Table = null);

public sealed record SeatingPlanInput(SeatingLayout Layout, SeatingConvention Convention, int SeatsPerTable, IReadOnlyList<SeatingGuestInput> Guests);

public static class SeatingRules
{
    public const int MaxGuests = 500;
    public const int GuestTitle = 200;

    public static IReadOnlyList<RuleViolation> Validate(SeatingPlanInput input)
    {
        var errors = new List<RuleViolation>();
        if (!Enum.IsDefined(input.Layout)) errors.Add(new(nameof(input.Layout), "OutOfRange"));
        if (!Enum.IsDefined(input.Convention)) errors.Add(new(nameof(input.Convention), "OutOfRange"));
        if (input.Layout != SeatingLayout.Rostrum && input.SeatsPerTable is < 1 or > TableSeating.MaxSeatsPerTable)
        {
            errors.Add(new(nameof(input.SeatsPerTable), "OutOfRange"));
        }
        if (input.Guests.Count > MaxGuests) errors.Add(new(nameof(input.Guests), "TooMany"));
        for (var i = 0; i < input.Guests.Count; i++)
        {
            var guest = input.Guests[i];
            var field = $"{nameof(input.Guests)}[{i}]";
            if (string.IsNullOrWhiteSpace(guest.Name)) errors.Add(new(field + ".Name", "Required"));
            FieldLimits.Check(errors, field + ".Name", guest.Name, FieldLimits.PersonName);
            FieldLimits.Check(errors, field + ".Title", guest.Title, GuestTitle);
            FieldLimits.Check(errors, field + ".Group", guest.Group, FieldLimits.OrganizationName);
            if (guest.Table is < 1 or > MaxGuests) errors.Add(new(field + ".Table", "OutOfRange"));
        }
        if (input.Layout != SeatingLayout.Rostrum && input.SeatsPerTable >= 1)
        {
            var over = input.Guests.Where(g => g.Table is not null).GroupBy(g => g.Table).Any(g => g.Count() > input.SeatsPerTable);
            if (over) errors.Add(new(nameof(input.Guests), "TableFull"));
        }
        return errors;
    }
}

/// <summary>Names on table tents and charts (席卡).</summary>
public static class SeatNames
{
    /// <summary>The ideographic space (U+3000) that spaces a two-character name to the width of a three-character one.</summary>
    public const char IdeographicSpace = '\u3000';

    /// <summary>张三 → 张　三: a two-character Chinese name gets an ideographic space between its characters; other names are unchanged.</summary>
    public static string Spaced(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 2 && trimmed.All(IsHan) ? $"{trimmed[0]}{IdeographicSpace}{trimmed[1]}" : trimmed;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
