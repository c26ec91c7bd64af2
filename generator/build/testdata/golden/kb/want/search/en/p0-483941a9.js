(window.KBSearchData=window.KBSearchData||[]).push(["en/p0-483941a9.js","2"]);
