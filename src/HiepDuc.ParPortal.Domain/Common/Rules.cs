using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace HiepDuc.ParPortal.Domain.Common;

/// <summary>
/// Business rules written once as expression trees, so that the database (EF translates them to SQL) and in-memory
/// code (a compiled delegate, cached) apply the very same definition. A rule is used inside another expression as
/// <c>Rule.Invoke(x)</c>; <see cref="Expand{T}"/> replaces each such call by the rule's own body before EF sees it.
/// </summary>
public static class Rules
{
    private static readonly ConcurrentDictionary<LambdaExpression, Delegate> Compiled = new();

    /// <summary>Applies the rule in memory; inside an expression, marks where <see cref="Expand{T}"/> inlines the rule.</summary>
    public static TResult Invoke<T, TResult>(this Expression<Func<T, TResult>> rule, T arg) =>
        ((Func<T, TResult>)Compiled.GetOrAdd(rule, r => r.Compile()))(arg);

    /// <inheritdoc cref="Invoke{T,TResult}(Expression{Func{T,TResult}},T)"/>
    public static TResult Invoke<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 arg1, T2 arg2) =>
        ((Func<T1, T2, TResult>)Compiled.GetOrAdd(rule, r => r.Compile()))(arg1, arg2);

    /// <summary>Inlines every <c>rule.Invoke(…)</c> in <paramref name="expression"/>, so that EF can translate it.</summary>
    public static Expression<T> Expand<T>(Expression<T> expression) => (Expression<T>)new Inliner().Visit(expression);

    /// <summary><c>Select</c> with the rules it uses inlined.</summary>
    public static IQueryable<TResult> SelectExpanded<T, TResult>(this IQueryable<T> source, Expression<Func<T, TResult>> selector) =>
        source.Select(Expand(selector));

    /// <summary><c>Where</c> with the rules it uses inlined.</summary>
    public static IQueryable<T> WhereExpanded<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate) =>
        source.Where(Expand(predicate));

    /// <summary>A two-argument rule with its second argument fixed (today's <see cref="Assignments.SignalDay"/>, say), ready for <c>Where</c> or <c>Select</c>.</summary>
    public static Expression<Func<T1, TResult>> With<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T2 arg2)
    {
        var holder = new Holder<T2>(arg2);
        var body = new Substitute(rule.Parameters[1], Expression.Field(Expression.Constant(holder), nameof(Holder<T2>.Value))).Visit(rule.Body);
        return Expand(Expression.Lambda<Func<T1, TResult>>(body, rule.Parameters[0]));
    }

    /// <summary>A captured value, so that EF sends it as a parameter rather than a literal.</summary>
    private sealed class Holder<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(Rules) && node.Method.Name == nameof(Invoke))
            {
                var rule = (LambdaExpression)Evaluate(node.Arguments[0]);
                var body = rule.Body;
                for (var i = 0; i < rule.Parameters.Count; i++)
                {
                    body = new Substitute(rule.Parameters[i], Visit(node.Arguments[i + 1])).Visit(body);
                }

                return Visit(body);
            }

            return base.VisitMethodCall(node);
        }

        /// <summary><c>new X { P = e }.P</c> → <c>e</c>, so that rules over small value types stay translatable.</summary>
        protected override Expression VisitMember(MemberExpression node)
        {
            var target = Visit(node.Expression);
            if (target is MemberInitExpression init
                && init.Bindings.OfType<MemberAssignment>().FirstOrDefault(b => b.Member == node.Member) is { } binding)
            {
                return binding.Expression;
            }

            return node.Update(target);
        }

        /// <summary>The rule itself: a static field or property, or a value captured in a closure.</summary>
        private static object Evaluate(Expression e) => e switch
        {
            ConstantExpression c => c.Value!,
            MemberExpression { Member: FieldInfo f } m => f.GetValue(m.Expression is null ? null : Evaluate(m.Expression))!,
            MemberExpression { Member: PropertyInfo p } m => p.GetValue(m.Expression is null ? null : Evaluate(m.Expression))!,
            UnaryExpression { NodeType: ExpressionType.Quote } q => q.Operand,
            _ => Expression.Lambda<Func<object>>(Expression.Convert(e, typeof(object))).Compile()(),
        };
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
