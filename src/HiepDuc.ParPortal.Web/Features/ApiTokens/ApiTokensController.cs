using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Domain.Access;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.ApiTokens;

public sealed class ApiTokenForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(ApiToken.MaxNameLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "ApiTokens_Name")]
    public string? Name { get; set; }

    public bool Read { get; set; } = true;

    public bool KpiWrite { get; set; }

    public bool ReportsWrite { get; set; }

    public bool NoticesWrite { get; set; }

    [Display(Name = "ApiTokens_Unit")]
    public int? UnitId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "ApiTokens_Expires")]
    public DateOnly? ExpiresOn { get; set; }

    public ApiScopes Scopes =>
        (Read ? ApiScopes.Read : 0) | (KpiWrite ? ApiScopes.KpiWrite : 0) | (ReportsWrite ? ApiScopes.ReportsWrite : 0) | (NoticesWrite ? ApiScopes.NoticesWrite : 0);
}

public sealed record ApiTokenRow(int Id, string Name, string Prefix, ApiScopes Scopes, string? UnitName, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record ApiTokensPage(IReadOnlyList<ApiTokenRow> Tokens, ApiTokenForm Form, IReadOnlyList<Work.Option> Units, string? NewSecret, string? NewName, DateTimeOffset Now);

/// <summary>The administrator issues, names, scopes and revokes the API's tokens; a secret is shown once, on issue.</summary>
[Route("admin/api-tokens")]
[Authorize(Policy = Policies.Administer)]
public sealed class ApiTokensController(ParPortalDbContext db, TimeProvider clock, ICurrentActor currentActor, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new ApiTokenForm { ExpiresOn = clock.Today().AddYears(1) }, null, null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create(ApiTokenForm form, CancellationToken cancellationToken)
    {
        if (form.UnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit && u.IsActive, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.UnitId), l["Validation_Invalid"]);
        }

        if (ModelState.IsValid)
        {
            var expires = PortalCalendar.StartOf(form.ExpiresOn!.Value.AddDays(1)); // to the end of the day chosen
            var (token, secret) = ApiToken.Issue(form.Name!, form.Scopes, form.UnitId, expires, currentActor.Actor, clock.GetUtcNow());
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(cancellationToken);
            // The secret is in this response only: never stored, never in a redirect or a log.
            Response.Headers.CacheControl = "no-store";
            return View(nameof(Index), await PageAsync(new ApiTokenForm { ExpiresOn = clock.Today().AddYears(1) }, secret, token.Name, cancellationToken));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(form, null, null, cancellationToken));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(currentActor.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = l.GetString("ApiTokens_Revoked", token.Name).Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<ApiTokensPage> PageAsync(ApiTokenForm form, string? secret, string? name, CancellationToken cancellationToken)
    {
        var tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.Scopes, db.Units.Where(u => u.Id == t.UnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new Work.Option(u.Id, u.ShortName ?? u.Name)).ToListAsync(cancellationToken);
        return new ApiTokensPage(tokens, form, units, secret, name, clock.GetUtcNow());
    }
}
