using System.Text;
using Events.Core.Validation;

namespace Events.Core.Attendees.Imports;

/// <summary>Why a row of an import is refused.</summary>
public enum ImportProblem
{
    NameMissing,
    NameTooLong,
    OrganizationMissing,
    OrganizationTooLong,
    TitleTooLong,
    EmailMissing,
    EmailInvalid,
    MobileInvalid,
    GroupTooLong,
    /// <summary>The same mobile or email as an earlier row of the sheet.</summary>
    DuplicateInSheet,
    /// <summary>Someone registered for the event already has this mobile or email.</summary>
    AlreadyRegistered,
    /// <summary>The people list already has someone with this mobile or email.</summary>
    AlreadyInPeople,
    /// <summary>The event already has a reviewer (invited or not) with this email.</summary>
    AlreadyReviewer,
}

/// <summary>One data row of a sheet, cleaned: what would be written, or why it is refused.</summary>
public sealed record ImportRow(int RowNumber, string Name, string Organization, string Title, string? Mobile, string Email, string? Group)
{
    public List<ImportProblem> Problems { get; init; } = [];

    /// <summary>For <see cref="ImportProblem.DuplicateInSheet"/>: the sheet row it repeats.</summary>
    public int? DuplicateOf { get; set; }

    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Cleans and checks imported registrants the way sheets from Chinese offices need: spaces inside Chinese names removed
/// (张 三 → 张三, 欧阳 明 → 欧阳明; Latin names keep one space between words), full-width letters and digits folded
/// (１３８… → 138…, ＺＨＡＮＧ＠… → zhang@…), mobiles with +86 or hyphens accepted; then marks rows that repeat an
/// earlier row's mobile or email.
/// </summary>
public static class RegistrantImportRules
{
    /// <summary>Cleans one row; what must be present depends on the target (<see cref="ImportTargets.Required"/>).</summary>
    public static ImportRow Clean(int rowNumber, IReadOnlyList<string> cells, IReadOnlyList<ImportField> mapping, ImportTarget target = ImportTarget.Registrants)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(mapping);
        string Cell(ImportField f)
        {
            var i = IndexOf(mapping, f);
            return i >= 0 && i < cells.Count ? cells[i] ?? "" : "";
        }

        var name = CleanName(Cell(ImportField.Name));
        var organization = CleanText(Cell(ImportField.Organization));
        var title = CleanText(Cell(ImportField.Title));
        var email = CleanEmail(Cell(ImportField.Email));
        var mobileText = Cell(ImportField.Mobile);
        var mobile = ChineseIdentifiers.NormalizeMobile(mobileText);
        var group = CleanText(Cell(ImportField.Group));

        var required = ImportTargets.Required(target);
        var problems = new List<ImportProblem>();
        if (name.Length == 0) problems.Add(ImportProblem.NameMissing);
        else if (name.Length > FieldLimits.PersonName) problems.Add(ImportProblem.NameTooLong);
        if (organization.Length == 0 && required.Contains(ImportField.Organization)) problems.Add(ImportProblem.OrganizationMissing);
        else if (organization.Length > FieldLimits.OrganizationName) problems.Add(ImportProblem.OrganizationTooLong);
        if (title.Length > FieldLimits.Title) problems.Add(ImportProblem.TitleTooLong);
        if (email.Length == 0 && required.Contains(ImportField.Email)) problems.Add(ImportProblem.EmailMissing);
        else if (email.Length > 0 && (email.Length > FieldLimits.Email || !EmailRules.IsBareAddress(email))) problems.Add(ImportProblem.EmailInvalid);
        if (!string.IsNullOrWhiteSpace(mobileText) && mobile is null) problems.Add(ImportProblem.MobileInvalid);
        if (group.Length > 50) problems.Add(ImportProblem.GroupTooLong);

        return new ImportRow(rowNumber, name, organization, title, mobile, email, group.Length == 0 ? null : group) { Problems = problems };
    }

    /// <summary>
    /// Marks each row whose mobile or email appeared on an earlier row (the first stays), and each whose mobile or
    /// email is already registered. Rows refused for other reasons still claim their values, so a fixed copy of a bad
    /// row is not imported twice.
    /// </summary>
    public static void MarkDuplicates(IReadOnlyList<ImportRow> rows, ISet<string> registeredEmails, ISet<string> registeredMobiles,
        ImportProblem existing = ImportProblem.AlreadyRegistered)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(registeredEmails);
        ArgumentNullException.ThrowIfNull(registeredMobiles);
        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var mobiles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (registeredEmails.Contains(row.Email) || (row.Mobile is { } m && registeredMobiles.Contains(m)))
            {
                row.Problems.Add(existing);
            }
            int? first = null;
            if (row.Email.Length > 0 && emails.TryGetValue(row.Email, out var e)) first = e;
            else if (row.Mobile is { } mob && mobiles.TryGetValue(mob, out var mm)) first = mm;
            if (first is not null)
            {
                row.Problems.Add(ImportProblem.DuplicateInSheet);
                row.DuplicateOf = first;
            }
            if (row.Email.Length > 0) emails.TryAdd(row.Email, row.RowNumber);
            if (row.Mobile is { } mo) mobiles.TryAdd(mo, row.RowNumber);
        }
    }

    /// <summary>
    /// An address as offices type it: full-width letters, digits and signs (＠, －) folded to ASCII, every space gone,
    /// lower case. Hyphens stay: unlike in a mobile number they are part of many domains (mail.ustc-edu.cn).
    /// </summary>
    public static string CleanEmail(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var folded = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            if (!char.IsWhiteSpace(folded)) sb.Append(char.ToLowerInvariant(folded));
        }
        return sb.ToString();
    }

    /// <summary>
    /// A name without the spaces offices type to align two-character names (张 三, 张　三): every white space between
    /// two CJK characters goes; Latin names keep single spaces between words.
    /// </summary>
    public static string CleanName(string? raw)
    {
        var s = CleanText(raw);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == ' ' && i > 0 && i < s.Length - 1 && (IsCjk(s[i - 1]) || IsCjk(s[i + 1]))) continue;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    /// <summary>Trimmed, full-width letters and digits folded, runs of white space (the ideographic space too) one space.</summary>
    public static string CleanText(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var ch in raw.Trim())
        {
            var c = ch is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or '·' or '•';

    private static int IndexOf(IReadOnlyList<ImportField> mapping, ImportField field)
    {
        for (var i = 0; i < mapping.Count; i++) if (mapping[i] == field) return i;
        return -1;
    }
}
