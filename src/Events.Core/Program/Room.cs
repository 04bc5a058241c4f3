namespace Events.Core.Program;

public class Room
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Name { get; set; }
    public int? Capacity { get; set; }
    public string? Notes { get; set; }
    public int Order { get; set; }
}
