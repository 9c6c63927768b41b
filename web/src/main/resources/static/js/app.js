// qcurate web: behaviour shared by every page. No inline script anywhere (the Content-Security-Policy forbids it).
"use strict";
