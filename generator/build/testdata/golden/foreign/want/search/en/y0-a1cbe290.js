(window.KBSearchData=window.KBSearchData||[]).push(["en/y0-a1cbe290.js","1"]);
