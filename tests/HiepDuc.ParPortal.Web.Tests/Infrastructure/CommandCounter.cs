using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF sends for each request (keyed by path and query).</summary>
public sealed class CommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int For(string pathAndQuery) => _counts.GetValueOrDefault(pathAndQuery);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (http.HttpContext?.Request is { } request)
        {
            _counts.AddOrUpdate(request.Path + request.QueryString, 1, (_, n) => n + 1);
        }
    }
}
