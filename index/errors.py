"""Errors a user sees as they are: what went wrong and what to do about it."""


class UserError(Exception):
    """A problem with the user's input or files, shown without a traceback."""


class ReportError(UserError):
    """One report file cannot be read; the others are indexed as usual."""

    def __init__(self, path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class StoreUnavailable(UserError):
    """A store's server cannot be reached, or did not answer in time; retrying later may succeed.
    store: "facts" or "vectors"; cause: the driver's error."""

    def __init__(self, store: str, where: str, cause: Exception):
        name = "facts store" if store == "facts" else "vector store"
        problem = f"{type(cause).__name__}: {str(cause).strip() or 'no answer'}"
        super().__init__(f"the {name} at {where} is unavailable ({problem}); try again when it is back")
        self.store = store
        self.where = where
