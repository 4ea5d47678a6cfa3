// Entry point; the implementation lands with its issue.
return 0;
