using System.IO.Compression;
using System.Security.Cryptography;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Files;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Files;

public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Folder for uploaded files, outside wwwroot (relative to the content root).</summary>
    public string Root { get; set; } = "App_Data/files";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxFilesPerReport { get; set; } = 5;
}

/// <summary>Why an upload was refused; each has a Vietnamese message (resource "File_{reason}").</summary>
public enum UploadProblem
{
    None,
    Empty,
    TooLarge,
    TypeNotAllowed,
    ContentMismatch,
    TooMany,
}

/// <summary>
/// Keeps uploaded evidence outside the web root, named by SHA-256. A file is accepted only when its extension is
/// allowed and its first bytes (or, for Office files, its inner structure) match that extension; the stored
/// content type comes from the checked extension, never from the browser.
/// </summary>
public sealed class FileStore(IOptionsMonitor<FileStoreOptions> options, IHostEnvironment environment)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public FileStoreOptions Options => options.CurrentValue;

    public string RootPath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.CurrentValue.Root));

    public static IReadOnlyCollection<string> AllowedExtensions => ContentTypes.Keys;

    public UploadProblem Check(IReadOnlyCollection<IFormFile> files)
    {
        if (files.Count > options.CurrentValue.MaxFilesPerReport)
        {
            return UploadProblem.TooMany;
        }

        foreach (var file in files)
        {
            var problem = Check(file);
            if (problem != UploadProblem.None)
            {
                return problem;
            }
        }

        return UploadProblem.None;
    }

    public UploadProblem Check(IFormFile file)
    {
        if (file.Length == 0)
        {
            return UploadProblem.Empty;
        }

        if (file.Length > options.CurrentValue.MaxBytes)
        {
            return UploadProblem.TooLarge;
        }

        var extension = Path.GetExtension(SafeName(file.FileName));
        if (!ContentTypes.ContainsKey(extension))
        {
            return UploadProblem.TypeNotAllowed;
        }

        using var stream = file.OpenReadStream();
        return ContentMatches(extension, stream) ? UploadProblem.None : UploadProblem.ContentMismatch;
    }

    /// <summary>Writes a checked file under its hash and returns the record to attach.</summary>
    /// <remarks>Callers write through <see cref="Uploads"/>, which removes what the request wrote and did not keep.</remarks>
    internal async Task<(StoredFile File, bool Created)> WriteAsync(IFormFile file, Actor by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var name = SafeName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        Directory.CreateDirectory(RootPath);
        var temp = Path.Combine(RootPath, $"upload-{Guid.NewGuid():N}.tmp");
        string hash;
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        await using (var source = file.OpenReadStream())
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        var stored = $"{hash[..2]}/{hash}{extension}";
        var path = PathOf(stored);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = !File.Exists(path);
        if (created)
        {
            File.Move(temp, path);
        }
        else
        {
            File.Delete(temp); // same bytes already stored
        }

        return (new StoredFile(name, stored, ContentTypes[extension], file.Length, hash, by, at), created);
    }

    public string PathOf(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(RootPath, storedName));
        if (!path.StartsWith(RootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Stored file path escapes the file root.");
        }

        return path;
    }

    /// <summary>The display name: the last path segment only, no control characters, at most 200 characters.</summary>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0)
        {
            name = "tep";
        }

        if (name.Length > 200)
        {
            var ext = Path.GetExtension(name);
            name = name[..(200 - ext.Length)] + ext;
        }

        return name;
    }

    private static bool ContentMatches(string extension, Stream stream)
    {
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, read);
        switch (extension.ToLowerInvariant())
        {
            case ".pdf":
                return span.StartsWith(Pdf);
            case ".png":
                return span.StartsWith(Png);
            case ".jpg" or ".jpeg":
                return span.StartsWith(Jpeg);
            case ".doc" or ".xls":
                return span.StartsWith(Ole);
            case ".docx" or ".xlsx":
                if (!span.StartsWith("PK\u0003\u0004"u8))
                {
                    return false;
                }

                stream.Position = 0;
                try
                {
                    using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                    var marker = extension.Equals(".docx", StringComparison.OrdinalIgnoreCase) ? "word/document.xml" : "xl/workbook.xml";
                    return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(marker) is not null;
                }
                catch (InvalidDataException)
                {
                    return false;
                }

            default:
                return false;
        }
    }
}
