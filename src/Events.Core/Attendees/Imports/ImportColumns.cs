using System.Text;

namespace Events.Core.Attendees.Imports;

/// <summary>What a column of an imported sheet holds.</summary>
public enum ImportField
{
    Ignore,
    Name,
    Organization,
    Title,
    Mobile,
    Email,
    Group,
}

/// <summary>What a sheet is imported into: an event's registrants, the shared people list, or an event's reviewers (invited).</summary>
public enum ImportTarget
{
    Registrants,
    People,
    Reviewers,
}

/// <summary>The columns each target takes and the ones a sheet must have.</summary>
public static class ImportTargets
{
    public static IReadOnlyList<ImportField> Fields(ImportTarget target) => target switch
    {
        ImportTarget.People => [ImportField.Ignore, ImportField.Name, ImportField.Organization, ImportField.Title, ImportField.Mobile, ImportField.Email],
        ImportTarget.Reviewers => [ImportField.Ignore, ImportField.Name, ImportField.Organization, ImportField.Email],
        _ => Enum.GetValues<ImportField>(),
    };

    public static IReadOnlyList<ImportField> Required(ImportTarget target) => target switch
    {
        ImportTarget.People => [ImportField.Name],
        ImportTarget.Reviewers => [ImportField.Name, ImportField.Email],
        _ => [ImportField.Name, ImportField.Organization, ImportField.Email],
    };
}

/// <summary>
/// Finds the header row of a sheet as Chinese offices send them (a title row or two above it, often merged across the
/// table: 2026年XX会议报名回执汇总表) and guesses each column's field from its header (姓名, 单位, 职务/职称, 手机, 邮箱, 分组,
/// and English names), ignoring spaces, full-width letters, asterisks and notes in brackets (手机号码（必填）).
/// </summary>
public static class ImportColumns
{
    private static readonly (ImportField Field, string[] Names)[] Aliases =
    [
        (ImportField.Name, ["姓名", "名字", "代表姓名", "嘉宾姓名", "参会人", "参会人员", "参会人姓名", "name", "fullname"]),
        (ImportField.Organization, ["单位", "工作单位", "所在单位", "单位名称", "机构", "所在机构", "organization", "organisation", "affiliation", "institution", "unit"]),
        (ImportField.Title, ["职务", "职称", "职务职称", "职务/职称", "职务、职称", "职位", "title", "position"]),
        (ImportField.Mobile, ["手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "mobile", "phone", "mobilephone", "tel"]),
        (ImportField.Email, ["邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"]),
        (ImportField.Group, ["分组", "组别", "小组", "讨论组", "group"]),
    ];

    /// <summary>How many rows from the top are searched for the header.</summary>
    public const int HeaderSearchRows = 10;

    public static ImportField Guess(string? header)
    {
        var key = Key(header);
        if (key.Length == 0) return ImportField.Ignore;
        foreach (var (field, names) in Aliases)
        {
            if (names.Any(n => Key(n) == key)) return field;
        }
        return ImportField.Ignore;
    }

    /// <summary>The index of the row among the first <see cref="HeaderSearchRows"/> that names the most fields (ties: the first), or -1.</summary>
    public static int FindHeaderRow(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var best = -1;
        var bestCount = 0;
        for (var i = 0; i < Math.Min(HeaderSearchRows, rows.Count); i++)
        {
            var count = rows[i].Select(Guess).Where(f => f != ImportField.Ignore).Distinct().Count();
            if (count > bestCount)
            {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }

    /// <summary>Each column's guessed field; a field guessed twice keeps its first column only.</summary>
    public static IReadOnlyList<ImportField> GuessAll(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var seen = new HashSet<ImportField>();
        return headers.Select(h => Guess(h) is var f && f != ImportField.Ignore && seen.Add(f) ? f : ImportField.Ignore).ToList();
    }

    private static string Key(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return "";
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var raw in header.Normalize(NormalizationForm.FormKC))
        {
            if (raw is '(' or '（' or '[' or '【') { depth++; continue; }
            if (raw is ')' or '）' or ']' or '】') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0 || char.IsWhiteSpace(raw) || raw is '*' or '＊' or ':' or '：' or '_') continue;
            sb.Append(char.ToLowerInvariant(raw));
        }
        return sb.ToString();
    }
}
