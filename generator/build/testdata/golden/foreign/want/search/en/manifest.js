(window.KBSearchData=window.KBSearchData||[]).push(["en/manifest.js",{"v":1,"lang":"en","n":3,"s":[""],"h":["fb8ea36c"],"r":"34524669","p":[]}]);
