using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Files;

/// <summary>Downloads only through this action: authorized like the assignment it belongs to, always as an attachment.</summary>
public sealed class FilesController(ParPortalDbContext db, FileStore store, IAuthorizationService authorization) : Controller
{
    [HttpGet("/files/{id:int}")]
    public async Task<IActionResult> Download(int id)
    {
        var file = await db.Files.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { f.StoredName, f.OriginalName, f.ContentType, f.AssignmentId, UnitId = f.Assignment != null ? f.Assignment.UnitId : (int?)null })
            .SingleOrDefaultAsync();
        if (file is null)
        {
            return NotFound();
        }

        if (file.AssignmentId is { } assignmentId
            && !(await authorization.AuthorizeAsync(User, new AssignmentResource(assignmentId, file.UnitId!.Value), AssignmentOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        var path = store.PathOf(file.StoredName);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return PhysicalFile(path, file.ContentType, file.OriginalName);
    }
}
