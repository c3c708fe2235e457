using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NetworkMaintenance.Core.Data.Configurations;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// On PostgreSQL, turns every <c>EF.Functions.Like</c> of a query into <c>EF.Functions.ILike</c> before EF translates
/// it. The searches (reports, users, OPDs, guest book, audit log) are written once with LIKE, which is case-insensitive
/// on SQLite (ASCII) and on SQL Server (its default collation) but case-sensitive on PostgreSQL; with ILIKE "kabel"
/// finds "Kabel FO putus" on all three (ServerDatabase/ProviderBehaviour.cs). A LIKE over the reports' search column
/// (<see cref="ReportConfiguration.SearchTextColumn"/>) stays LIKE: that column is lower-case already, and the pattern
/// matched against it is too (ReportTextSearch).
/// </summary>
public sealed class PostgreSqlCaseInsensitiveLike : IQueryExpressionInterceptor
{
    public static readonly PostgreSqlCaseInsensitiveLike Instance = new();

    private static readonly MethodInfo Like3 = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string)])!;
    private static readonly MethodInfo Like4 = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo ILike3 = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string)])!;
    private static readonly MethodInfo ILike4 = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            if ((visited.Method == Like3 || visited.Method == Like4) && IsSearchText(visited.Arguments[1])) return visited;
            if (visited.Method == Like3) return Expression.Call(ILike3, visited.Arguments);
            if (visited.Method == Like4) return Expression.Call(ILike4, visited.Arguments);
            return visited;
        }

        /// <summary><c>EF.Property&lt;string&gt;(report, "SearchText")</c>.</summary>
        private static bool IsSearchText(Expression matched) =>
            matched is MethodCallExpression { Method.Name: nameof(EF.Property), Method.DeclaringType: var type } call
            && type == typeof(EF)
            && call.Arguments[1] is ConstantExpression { Value: ReportConfiguration.SearchTextColumn };
    }
}
