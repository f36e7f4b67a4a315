using System.Globalization;

namespace AgentTasks.Emulator.Api;

/// <summary>Builds the <c>Link</c> header of a list page.</summary>
internal static class LinkHeaderBuilder
{
    /// <summary>
    /// <c>first</c> and <c>last</c> always, <c>prev</c> after the first page, <c>next</c> before the last; every URL keeps
    /// the request's other parameters.
    /// </summary>
    public static string Build(string origin, string path, RawQuery query, int page, int perPage, int lastPage)
    {
        var kept = query.RawExcept("page", "per_page").ToList();

        string Url(int target) =>
            $"{origin}{path}?{string.Join('&', kept.Append(string.Create(CultureInfo.InvariantCulture, $"page={target}&per_page={perPage}")))}";

        var links = new List<string> { $"<{Url(1)}>; rel=\"first\"" };
        if (page > 1)
        {
            links.Add($"<{Url(Math.Min(page - 1, lastPage))}>; rel=\"prev\"");
        }

        if (page < lastPage)
        {
            links.Add($"<{Url(page + 1)}>; rel=\"next\"");
        }

        links.Add($"<{Url(lastPage)}>; rel=\"last\"");
        return string.Join(", ", links);
    }
}
