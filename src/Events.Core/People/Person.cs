using Events.Core.Common;

namespace Events.Core.People;

public class Person : IConcurrencyVersioned
{
    public int Id { get; set; }

    /// <summary>The name as Chinese documents print it; foreign guests keep their Latin name.</summary>
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? Bio { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>A stored file name chosen by the app, never the uploader's.</summary>
    public string? PhotoFile { get; set; }

    public List<Position> Positions { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string DisplayTitle => PersonTitles.Format(Positions);
}
