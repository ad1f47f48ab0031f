using Microsoft.AspNetCore.Authorization;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>
/// What the signed-in user may do, asked of the same policies the controllers declare: the menu and the pages show a
/// link or a form only when the action behind it would let the user through. Each answer is asked once per request.
/// </summary>
public sealed class Permissions(IAuthorizationService authorization, IHttpContextAccessor accessor)
{
    private readonly Dictionary<string, bool> answers = new(StringComparer.Ordinal);

    public async Task<bool> HoldsAsync(string policy)
    {
        if (answers.TryGetValue(policy, out var known))
        {
            return known;
        }

        var user = accessor.HttpContext?.User;
        var holds = user is not null && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        answers[policy] = holds;
        return holds;
    }
}
