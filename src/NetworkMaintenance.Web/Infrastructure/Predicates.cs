using System.Linq.Expressions;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Query conditions put together before EF sees them, so that a query holds only the conditions that apply: a condition
/// left out here is one EF would otherwise drop while writing the SQL, reading a parameter's value to do so, and then it
/// writes that statement's SQL again on every execution.
/// </summary>
public static class Predicates
{
    /// <summary><c>x => values.Contains(x.Member)</c> with the values as literals in the expression: EF writes them into the SQL once.</summary>
    public static Expression<Func<T, bool>> In<T, TValue>(Expression<Func<T, TValue>> member, IEnumerable<TValue> values)
    {
        var array = Expression.NewArrayInit(typeof(TValue), values.Select(v => Expression.Constant(v, typeof(TValue))));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)], array, member.Body);
        return Expression.Lambda<Func<T, bool>>(contains, member.Parameters);
    }

    /// <summary>Both conditions.</summary>
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Rebind(right, left.Parameters[0])), left.Parameters);

    /// <summary>Not the condition.</summary>
    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> condition) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(condition.Body), condition.Parameters);

    /// <summary>Any of the conditions; none: false.</summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<Expression<Func<T, bool>>> conditions)
    {
        if (conditions.Count == 0) return _ => false;
        var parameter = conditions[0].Parameters[0];
        var body = conditions.Skip(1).Aggregate(conditions[0].Body, (any, next) => Expression.OrElse(any, Rebind(next, parameter)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static Expression Rebind<T>(Expression<Func<T, bool>> condition, ParameterExpression parameter) =>
        new ParameterSwap(condition.Parameters[0], parameter).Visit(condition.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
