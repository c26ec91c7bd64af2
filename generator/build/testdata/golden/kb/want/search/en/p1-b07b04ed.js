(window.KBSearchData=window.KBSearchData||[]).push(["en/p1-b07b04ed.js","011"]);
