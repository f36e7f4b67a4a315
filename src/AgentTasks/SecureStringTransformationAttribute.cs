using System;
using System.Management.Automation;
using System.Security;
using AgentTasks.Core;

namespace AgentTasks;

/// <summary>Lets -Token take a plain string as well as a SecureString (runbooks read tokens from variables and
/// environment as strings). The string is copied into a SecureString and not kept.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentTransformationMetadataException("The token is empty.");
        }

        // A SecureString holds at most 65,536 characters and would fail with "Capacity exceeds maximum capacity":
        // a text longer than any token is refused here, with the core's message. The core checks everything else
        // when the token is used, as it does for a SecureString given as it is.
        if (text.Length > CopilotToken.MaxLength)
        {
            try
            {
                _ = new CopilotToken(text);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(ErrorRecords.MessageOf(e), e);
            }
        }

        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
