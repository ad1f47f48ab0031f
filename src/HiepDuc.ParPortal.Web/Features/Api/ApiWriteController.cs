using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.KpiImport;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Api;

/// <summary>
/// The API's writes. Each goes through the same entity methods and rules as the pages, is saved in one transaction
/// and is audited under the token's name ("API · …"). A change of one record names the version it was read at
/// (<c>If-Match</c>); a batch of figures names itself (<c>Idempotency-Key</c>).
/// </summary>
[Route("api/v1")]
[Tags("Ghi dữ liệu / Write")]
public sealed class ApiWriteController(ParPortalDbContext db, TimeProvider clock, PortalDay portalDay, ICurrentActor currentActor, IStringLocalizer<SharedResource> l) : ApiController(l)
{
    /// <summary>The most figures one batch may carry.</summary>
    public const int MaxBatch = 5000;

    /// <summary>
    /// KPI figures in a batch, all or nothing, under the rules of the import template: a known KPI and unit, a month
    /// not in the future, whole counts, a numerator not above its denominator, a note of at most 2 000 characters,
    /// each figure once. A figure already there is corrected, its earlier value kept. The same
    /// <c>Idempotency-Key</c> sent again with the same body gets the first answer and writes nothing.
    /// </summary>
    [HttpPost("kpis/figures")]
    [Authorize(Policy = ApiPolicies.KpiWrite)]
    [ProducesResponseType<ApiBatchResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<IActionResult> Figures([FromHeader(Name = "Idempotency-Key")][System.ComponentModel.DataAnnotations.StringLength(IdempotentRequest.MaxKeyLength, ErrorMessage = "Validation_MaxLength")] string? idempotencyKey, [FromBody] ApiFigureBatch batch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotentRequest.MaxKeyLength || idempotencyKey.Any(char.IsControl))
        {
            return Problem(StatusCodes.Status400BadRequest, "idempotency-key-required", L.GetString("Api_IdempotencyKeyRequired", IdempotentRequest.MaxKeyLength));
        }

        var figures = batch.Figures ?? [];
        if (figures.Count is 0 or > MaxBatch)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "batch-size", L.GetString("Api_BatchSize", MaxBatch));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(batch, ApiProblems.Json)));
        if (await ReplayAsync(idempotencyKey, hash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var kpis = await db.KpiDefinitions.AsNoTracking().Select(k => new KpiRef(k.Id, k.Code, k.Kind, k.Name)).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.ShortName)).ToListAsync(cancellationToken);
        var records = figures.Select(f => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [ImportColumns.Kpi] = f.Kpi,
            [ImportColumns.UnitCode] = f.Unit,
            [ImportColumns.UnitName] = null,
            [ImportColumns.Period] = f.Period,
            [ImportColumns.Numerator] = f.Numerator?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ImportColumns.Denominator] = f.Denominator?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ImportColumns.Note] = f.Note,
        }).ToList();
        var (rows, errors) = KpiImportReader.Check(records, kpis, units, portalDay.Today().Today, (key, args) => L.GetString(key, args).Value);
        var problems = errors.Select(e => new ApiError(e.Line - 1, null, e.Reason)).ToList();
        if (BoundUnit is { } unit)
        {
            // A token bound to a unit sends that unit's figures only.
            problems.AddRange(rows.Where(r => r.UnitId != unit).Select(r => new ApiError(r.Line - 1, "unit", L["Api_FigureOtherUnit"])));
        }

        if (problems.Count > 0)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "invalid-figures", L.GetString("Api_InvalidFigures", problems.Count), problems.OrderBy(p => p.Row).ToList());
        }

        var now = clock.GetUtcNow();
        var written = await KpiImportWriter.ApplyAsync(db, rows, MeasurementSource.Api, currentActor.Actor, now, cancellationToken);
        var result = new ApiBatchResult(figures.Count, written, rows.Count - written);
        await db.IdempotentRequests.Where(r => r.CreatedAt < now - IdempotentRequest.KeptFor).ExecuteDeleteAsync(cancellationToken);
        db.IdempotentRequests.Add(new IdempotentRequest(TokenId, idempotencyKey, hash, StatusCodes.Status200OK, JsonSerializer.Serialize(result, ApiProblems.Json), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same batch, sent twice at once: the other request saved it; this one writes nothing and answers alike.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(idempotencyKey, hash, cancellationToken) is { } answer)
            {
                return answer;
            }

            throw;
        }

        return Ok(result);
    }

    /// <summary>A progress report (<c>submit: false</c>, with <c>progress</c>) or the submission of finished work, by the assignment's own unit.</summary>
    [HttpPost("assignments/{id:int}/reports")]
    [Authorize(Policy = ApiPolicies.ReportsWrite)]
    [ProducesResponseType<ApiAssignment>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Report(int id, [FromBody] ApiReportInput input, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null || assignment.UnitId != BoundUnit)
        {
            return NotFoundProblem();
        }

        if (IfMatch(out var refusal) is not { } version)
        {
            return refusal!;
        }

        if (version != assignment.Version)
        {
            return Stale(assignment.Version);
        }

        var errors = new List<ApiError>();
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > 8000)
        {
            errors.Add(new ApiError(null, "text", L.GetString("Api_TextRequired", 8000)));
        }

        if (!input.Submit && input.Progress is not (>= 0 and <= 100))
        {
            errors.Add(new ApiError(null, "progress", L["Api_ProgressRange"]));
        }

        if (errors.Count > 0)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "invalid-report", L["Api_InvalidReport"], errors);
        }

        db.Entry(assignment).Property(a => a.Version).OriginalValue = version;
        try
        {
            var now = clock.GetUtcNow();
            _ = input.Submit ? assignment.Submit(currentActor.Actor, input.Text!, now) : assignment.Report(currentActor.Actor, input.Text!, input.Progress!.Value, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Version).SingleAsync(cancellationToken);
            return Stale(current);
        }

        return Ok(await AssignmentAsync(id, cancellationToken));
    }

    /// <summary>Sets a notice's number and signing date, as the document system (Q-Office) registered it.</summary>
    [HttpPut("notices/{id:int}/registration")]
    [Authorize(Policy = ApiPolicies.NoticesWrite)]
    [ProducesResponseType<ApiNotice>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Register(int id, [FromBody] ApiRegistrationInput input, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            return NotFoundProblem();
        }

        if (IfMatch(out var refusal) is not { } version)
        {
            return refusal!;
        }

        if (version != notice.Version)
        {
            return Stale(notice.Version);
        }

        if (input.IssueDate is not { } issued)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "invalid-registration", L["Api_InvalidRegistration"], [new ApiError(null, "issueDate", L["Api_IssueDateRequired"])]);
        }

        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        try
        {
            notice.Register(input.Number!, issued);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(n => n.Version).SingleAsync(cancellationToken));
        }

        var saved = await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(ApiNotice.Of).SingleAsync(cancellationToken);
        Response.Headers.ETag = ETagOf(saved.Version);
        return Ok(saved);
    }

    private async Task<ApiAssignment> AssignmentAsync(int id, CancellationToken cancellationToken)
    {
        var one = db.Assignments.AsNoTracking().Where(a => a.Id == id);
        var row = (await one.ToRowsAsync(portalDay.Today(), cancellationToken)).Single();
        var version = await one.Select(a => a.Version).SingleAsync(cancellationToken);
        Response.Headers.ETag = ETagOf(version);
        return ApiAssignment.Of(row, version);
    }

    /// <summary>The kept answer to this key, or a refusal when the key was used for another body; null when the key is new.</summary>
    private async Task<IActionResult?> ReplayAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var kept = await db.IdempotentRequests.AsNoTracking().Where(r => r.TokenId == TokenId && r.Key == key)
            .Select(r => new { r.RequestHash, r.StatusCode, r.Body }).SingleOrDefaultAsync(cancellationToken);
        if (kept is null)
        {
            return null;
        }

        if (kept.RequestHash != hash)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", L["Api_IdempotencyKeyReused"]);
        }

        Response.Headers["Idempotent-Replayed"] = "true";
        return new ContentResult { StatusCode = kept.StatusCode, Content = kept.Body, ContentType = "application/json; charset=utf-8" };
    }
}
