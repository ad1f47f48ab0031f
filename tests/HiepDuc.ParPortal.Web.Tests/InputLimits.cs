using System.ComponentModel.DataAnnotations;
using System.Reflection;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Every text a user can send has a maximum length, in the form model and in the database.</summary>
public class Every_text_field_has_a_maximum_length(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Columns that hold generated text of any size (never typed by a user).</summary>
    private static readonly HashSet<string> Unbounded =
    [
        "AuditEntry.Changes", "DataProtectionKey.Xml", "DataProtectionKey.FriendlyName", "__EFMigrationsHistory",
    ];

    [Fact]
    public void In_every_form_and_query_model_bound_by_an_action()
    {
        var missing = new List<string>();
        var seen = new HashSet<Type>();
        var actions = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) || typeof(Controller).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        foreach (var action in actions)
        {
            foreach (var parameter in action.GetParameters())
            {
                if (parameter.GetCustomAttribute<FromServicesAttribute>() is not null)
                {
                    continue;
                }

                if (parameter.ParameterType == typeof(string) && !HasLimit(parameter.GetCustomAttributes()))
                {
                    missing.Add($"{action.DeclaringType!.Name}.{action.Name}({parameter.Name})");
                }

                Check(parameter.ParameterType, seen, missing);
            }
        }

        Assert.True(missing.Count == 0, string.Join(", ", missing.Distinct()));
    }

    [Fact]
    public void In_every_database_column()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var missing = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e.ClrType.Name, Property: p))
                .Concat(e.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => (Entity: e.ClrType.Name, Property: p)))))
            .Where(x => x.Property.ClrType == typeof(string) && x.Property.GetMaxLength() is null && !x.Property.IsKey() && !x.Property.IsForeignKey())
            .Select(x => $"{x.Entity}.{x.Property.Name}")
            .Where(n => !Unbounded.Contains(n) && !n.StartsWith("Identity", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(missing);
    }

    private static void Check(Type type, HashSet<Type> seen, List<string> missing)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            Check(item, seen, missing);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
            || typeof(IFormFile).IsAssignableFrom(type) || type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.PropertyType == typeof(string))
            {
                if (!HasLimit(property.GetCustomAttributes()))
                {
                    missing.Add($"{type.Name}.{property.Name}");
                }
            }
            else
            {
                Check(property.PropertyType, seen, missing);
            }
        }
    }

    private static bool HasLimit(IEnumerable<Attribute> attributes) =>
        attributes.Any(a => a is StringLengthAttribute or MaxLengthAttribute or RegularExpressionAttribute);
}
