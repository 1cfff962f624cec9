-- wrk script: POST one CDS Hooks patient-view request, with a per-connection pause that sets the offered rate
-- (Debian's wrk has no -R): each connection sends one request every DELAY_MS (set by load-cds.sh).
local f = assert(io.open(os.getenv("CDS_REQUEST"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local pause = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return pause
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
