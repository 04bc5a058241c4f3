using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Events.Infrastructure.Data;

/// <summary>
/// Sorting Chinese names by pinyin, the order people expect, on both providers.
/// SQLite has no such collation, so the app registers one backed by ICU's zh-CN rules on every connection.
/// </summary>
public static class ChineseCollation
{
    public const string Sqlite = "zh_pinyin";
    public const string SqlServer = "Chinese_PRC_CI_AS";

    private static readonly CompareInfo Compare = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>The same order in memory, for lists built outside the database (such as a volume's author index).</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), CompareOptions.IgnoreCase);

    public static IOrderedQueryable<T> OrderByChinese<T>(this IQueryable<T> query, DbContext db, Expression<Func<T, string>> key)
    {
        var collation = db.Database.IsSqlite() ? Sqlite : SqlServer;
        var collate = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!
            .MakeGenericMethod(typeof(string));
        var body = Expression.Call(collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(collation));
        return query.OrderBy(Expression.Lambda<Func<T, string>>(body, key.Parameters));
    }

    internal sealed class SqliteRegistration : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                sqlite.CreateCollation(Sqlite, (a, b) => Compare.Compare(a, b, CompareOptions.IgnoreCase));
            }
        }
    }
}
