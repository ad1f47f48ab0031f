-- Every request carries the signed-in user's cookie (COOKIE), read once per wrk thread.
function init(args)
  wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
end
