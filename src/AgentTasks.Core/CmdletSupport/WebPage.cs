using System;
using System.ComponentModel;
using System.Diagnostics;

namespace AgentTasks.Core.CmdletSupport;

/// <summary>A task's page on GitHub, and opening it in the default browser.</summary>
internal static class WebPage
{
    /// <summary>The address as a page to open, or null unless it is an absolute http or https URI without user
    /// information: the shell opens whatever it is given, so a path or another scheme must never reach it, and
    /// <c>https://github.com@example.com/</c> is a page on example.com dressed as GitHub's.</summary>
    public static Uri? From(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0
            ? uri
            : null;

    /// <summary>Hands the page to the system's opener (the default browser; xdg-open on Linux); null when that
    /// worked, else why not. Nothing is waited for: the browser lives on after the command.</summary>
    public static string? Open(Uri page)
    {
        try
        {
            using var opener = Process.Start(new ProcessStartInfo(page.AbsoluteUri) { UseShellExecute = true });
            return null;
        }
        catch (Win32Exception)
        {
            // .NET's own message repeats the address and names the working directory; what is missing is the opener.
            return "the system has no program to open web pages (on Linux, xdg-open).";
        }
        catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException)
        {
            return e.Message;
        }
    }
}
