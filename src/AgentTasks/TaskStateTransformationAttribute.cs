using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using AgentTasks.Core.Models;

namespace AgentTasks;

/// <summary>Lets -State take the API's spelling (<c>in_progress</c>, <c>timed_out</c>) as well as the enum's
/// (<c>InProgress</c>), and binds the API's spelling; an unknown state fails binding with the list of states.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class TaskStateTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var states = new List<string>();
        foreach (var item in Items(inputData))
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            // 'failed,timed_out' as one string (a CSV cell, a variable) means the two states, as -State failed,timed_out does.
            foreach (var one in value is string text ? text.Split(',') : new[] { value })
            {
                try
                {
                    var state = one is CopilotTaskState given && given != CopilotTaskState.Unknown ? given : TaskStates.ParseUserInput(one?.ToString());
                    states.Add(TaskStates.ToWire(state));
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentTransformationMetadataException(ErrorRecords.MessageOf(e), e);
                }
            }
        }
        return states.ToArray();
    }

    private static IEnumerable Items(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        return value is IEnumerable items and not string ? items : new[] { value };
    }
}
