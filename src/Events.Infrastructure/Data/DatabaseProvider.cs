namespace Events.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
