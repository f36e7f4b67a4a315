// A PowerShell host for Invoke-InNewRunspace -HostSecret (AgentTasks.TestUtils.psm1), compiled by Add-Type on first
// use. A runspace without a host drops what cmdlets write to the host itself ("What if:" lines, Write-Host, prompts);
// this one records it, as a console would show it, and types HostSecret when Read-Host -AsSecureString asks.
// C# 5, for the compiler Add-Type uses on Windows PowerShell 5.1.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace AgentTasksTestUtils
{
    public sealed class RecordingHost : PSHost
    {
        private readonly Guid instanceId = Guid.NewGuid();
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;
        private readonly RecordingHostUserInterface ui;

        public RecordingHost(string secret)
        {
            ui = new RecordingHostUserInterface(secret);
        }

        public string Text { get { return ui.Text; } }
        public override CultureInfo CurrentCulture { get { return culture; } }
        public override CultureInfo CurrentUICulture { get { return uiCulture; } }
        public override Guid InstanceId { get { return instanceId; } }
        public override string Name { get { return "AgentTasksRecordingHost"; } }
        public override PSHostUserInterface UI { get { return ui; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override void EnterNestedPrompt() { throw new NotSupportedException("No nested prompts in a recording host."); }
        public override void ExitNestedPrompt() { throw new NotSupportedException("No nested prompts in a recording host."); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class RecordingHostUserInterface : PSHostUserInterface
    {
        private readonly StringBuilder text = new StringBuilder();
        private readonly string secret;

        public RecordingHostUserInterface(string secret)
        {
            this.secret = secret;
        }

        public string Text { get { lock (text) { return text.ToString(); } } }

        // No raw UI: formatting that reaches the host (Out-Host) uses its default width.
        public override PSHostRawUserInterface RawUI { get { return null; } }

        public override void Write(string value) { lock (text) { text.Append(value); } }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Write(value); }
        public override void WriteLine(string value) { Write(value + "\n"); }

        // The error, warning, verbose, debug and progress streams are read from the runspace's own collections.
        public override void WriteErrorLine(string value) { }
        public override void WriteWarningLine(string message) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override SecureString ReadLineAsSecureString()
        {
            var typed = new SecureString();
            foreach (var c in secret) typed.AppendChar(c);
            typed.MakeReadOnly();
            WriteLine("");
            return typed;
        }

        public override string ReadLine() { throw new NotSupportedException("Only a secure string can be typed into a recording host."); }

        // Read-Host -AsSecureString -Prompt 'x' asks through Prompt, with one field of type SecureString.
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            var answers = new Dictionary<string, PSObject>();
            foreach (var field in descriptions)
            {
                if (field.ParameterTypeFullName != typeof(SecureString).FullName)
                {
                    throw new NotSupportedException("Only a secure string can be typed into a recording host, not " + field.Name + ".");
                }
                Write(field.Name + ": ");
                answers[field.Name] = new PSObject(ReadLineAsSecureString());
            }
            return answers;
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        {
            throw new NotSupportedException("A recording host gives no credentials.");
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        {
            throw new NotSupportedException("A recording host gives no credentials.");
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            throw new NotSupportedException("A recording host makes no choices.");
        }
    }
}
