// The README's examples land with the client-layer issue.
return 0;
