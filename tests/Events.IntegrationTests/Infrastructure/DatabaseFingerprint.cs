using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>
/// Every row of every table of the app's SQLite database, hashed per table. Two equal fingerprints mean nothing was
/// written in between, whichever table a service might have touched.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(EventsAppFactory app)
    {
        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            // The names come from sqlite_master, not from input.
            select.CommandText = "SELECT * FROM \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('\u001f', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture))));
            }
            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
            result[table] = string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows, {hash[..16]}");
        }
        return result;
    }
}
