using System;
using System.Management.Automation;
using System.Security;
using JobStatus.Connection;

namespace JobStatus.Session
{
    /// <summary>Lets -Token take a plain string too (tokens often sit in variables); it becomes a SecureString at once.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                SecureString secure => secure,
                string text => SecureStringReader.FromText(text),
                _ => inputData,
            };
        }
    }
}
